"""What the STIX writer and reader share: fixed ids, the extension's keys, the
vocabulary mappings and timestamps.  Nothing here needs the ``stix2`` library."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import uuid
from fractions import Fraction
from typing import Any

from claimmodel.model import (
    AffiliationKind,
    DateCertainty,
    Evidence,
    EvidenceKind,
    Identifier,
    IdentifierScheme,
    PartialDate,
    RelationKind,
    SourceKind,
    Stance,
)

EXTENSION_ID = "extension-definition--4d0a5c8c-3a9e-4b5f-9d62-8a1f3c7e2b10"
"""The id of claimmodel's extension definition (a fixed UUIDv4: one definition, ever)."""

TOOL_IDENTITY_ID = "identity--b3f1e9a2-6c4d-4e8f-a7b5-2d9c0e1f3a46"
"""The id of the Identity that made the extension definition: claimmodel itself."""

EXTENSION_VERSION = "1.1.0"
DEFINED = "2026-12-01T00:00:00.000Z"
"""``created`` of the two fixed objects (and ``modified`` of the tool's Identity): when
the definition was first made."""
REVISED = "2026-12-03T00:00:00.000Z"
"""``modified`` of the extension definition: when its current version (1.1.0, which
added the ``verdict`` item) was made.  STIX versions an object by ``modified``, so a
changed definition keeps its id and gets a later ``modified``."""

UUID_NAMESPACE = uuid.UUID("6f0d6c1e-94b2-5a8e-8b7c-3e2f5d4a9c01")
"""The UUIDv5 namespace of deterministic ids (``uuid5(UUID_NAMESPACE, "note/" + id)``)."""

NO_DATE = "1970-01-01T00:00:00.000Z"
"""``created``, ``modified`` and the Report's ``published`` when the record has no date."""

# The property extension's own keys.
ITEM = "claimmodel_item"
DATA = "claimmodel_data"
NATIVE = "claimmodel_native"

IDENTITY_CLASS = {
    SourceKind.PERSON: "individual",
    SourceKind.ORGANIZATION: "organization",
    SourceKind.GOVERNMENT_BODY: "organization",
    SourceKind.MEDIA_OUTLET: "organization",
    SourceKind.DOCUMENT: "unknown",
    SourceKind.ANONYMOUS: "unknown",
    SourceKind.COLLECTIVE: "group",
}
"""``identity_class`` of each kind of source (a document is not an identity in STIX)."""

SECTORS = {
    SourceKind.GOVERNMENT_BODY: ["government"],
    SourceKind.MEDIA_OUTLET: ["communications"],
}
"""``sectors`` (STIX's industry-sector vocabulary) that tell organizations apart."""

OPINION_OF = {
    Stance.DENIES: "strongly-disagree",
    Stance.DISPUTES: "disagree",
    Stance.QUESTIONS: "neutral",
}
"""The Opinion an opposing stance becomes (when there is a Note for it to oppose)."""

STANCE_OF_OPINION = {
    "strongly-disagree": Stance.DENIES,
    "disagree": Stance.DISPUTES,
    "neutral": Stance.QUESTIONS,
    "agree": Stance.ASSERTS,
    "strongly-agree": Stance.ASSERTS,
}

VERDICT_LABEL = "verdict"
"""The first label of an Opinion that is a reviewer's verdict, not a speaker's stance; the
rating's label is the second."""

REVIEW_REFERENCE = "review"
"""The ``source_name`` of a verdict Opinion's external reference to the review, whose
address is its ``external_id`` (a ``url`` would need a hash of the page)."""

_FIFTH = Fraction(1, 5)


def opinion_of_rating(position: Fraction | None) -> str:
    """The STIX opinion a rating at ``position`` (0 the worst, 1 the best) stands for: the
    fifth of the range it falls in, the middle fifth closed, so that the rule is the
    same read from either end; ``neutral`` when the rating has no position."""
    if position is None:
        return "neutral"
    if position < _FIFTH:
        return "strongly-disagree"
    if position < 2 * _FIFTH:
        return "disagree"
    if position <= 3 * _FIFTH:
        return "neutral"
    if position <= 4 * _FIFTH:
        return "agree"
    return "strongly-agree"


AFFILIATION_TYPES = frozenset(kind.value for kind in AffiliationKind)
RELATION_TYPES = frozenset(kind.value for kind in RelationKind)
STANCE_LABELS = frozenset(stance.value for stance in Stance) - {Stance.ASSERTS.value}
# A Report's label when its ``published`` is the record's estimate or assumption, not a
# date a source states (STIX's ``published`` has no way to say so).
PUBLISHED_LABEL = {certainty: f"published-{certainty.value}" for certainty in DateCertainty}
CERTAINTY_OF_LABEL = {label: certainty.value for certainty, label in PUBLISHED_LABEL.items()}


def external_reference(identifier: Identifier) -> dict[str, str]:
    """A source's external identifier as a STIX external reference: ``source_name`` the
    scheme, ``external_id`` the value.  A URL identifier too goes in ``external_id``: in
    ``url`` STIX would want a hash of the page, which an identifier has no use for."""
    return {"source_name": identifier.scheme.value, "external_id": identifier.value}


def identifier(reference: Any) -> dict[str, str] | None:
    """The wire form of the identifier a STIX external reference gives, or None when it
    names no scheme claimmodel knows or its value is not valid there."""
    if not isinstance(reference, dict):
        return None
    try:
        scheme = IdentifierScheme(reference.get("source_name"))
    except ValueError:
        return None
    value = reference.get("external_id")
    if value is None and scheme is IdentifierScheme.URL:
        value = reference.get("url")
    if type(value) is not str:
        return None
    try:
        Identifier(scheme=scheme, value=value)
    except ValueError:
        return None
    return {"scheme": scheme.value, "value": value}


def evidence_reference(evidence: Evidence) -> dict[str, Any] | None:
    """Evidence found at a URL, with its digest, as a STIX external reference of its Note
    or Opinion: ``source_name`` its kind, ``url`` where it is, ``hashes`` its SHA-256.
    None for evidence without both: STIX wants the hash of what a ``url`` points at, and
    the claimmodel extension carries the rest."""
    if evidence.url is None or evidence.sha256 is None or not is_uri(evidence.url):
        return None
    return {
        "source_name": evidence.kind.value,
        "url": evidence.url,
        "hashes": {"SHA-256": evidence.sha256},
    }


_PCHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})"
_URI = re.compile(
    rf"(?:https?://[A-Za-z0-9.-]+(?::[0-9]*)?(?:/{_PCHAR}*)?"
    rf"|[A-Za-z][A-Za-z0-9+.-]*:(?!//){_PCHAR}+)"
    rf"(?:\?(?:{_PCHAR}|\?)*)?(?:#(?:{_PCHAR}|\?)*)?",
    flags=re.ASCII,
)


def is_uri(text: str) -> bool:
    """Whether ``text`` is an absolute URI by a strict reading of RFC 3986, as STIX wants
    a ``url``: web addresses with a plain host, and URIs without an authority
    (``urn:``, ``mailto:``).  Conservative: a few valid URIs (IPv6 hosts, other
    schemes with an authority) are not taken, and travel in the extension instead."""
    return _URI.fullmatch(text) is not None


_KINDS = frozenset(kind.value for kind in EvidenceKind) - {EvidenceKind.TEXT.value}
_HEX = re.compile("[0-9A-Fa-f]{64}", flags=re.ASCII)
_SHA256_NAMES = frozenset({"SHA-256", "SHA256"})


def evidence(reference: Any) -> dict[str, str] | None:
    """The wire form of the evidence a STIX external reference with a ``url`` points at,
    or None.  Its kind is the ``source_name`` when that names one (text otherwise); its
    ``SHA-256`` hash, which STIX lets be written in capitals, is read in lowercase, as
    claimmodel writes a digest."""
    if not isinstance(reference, dict):
        return None
    url = reference.get("url")
    if type(url) is not str or not url or url.isspace():
        return None
    found = {"url": url}
    if reference.get("source_name") in _KINDS:
        found["kind"] = reference["source_name"]
    hashes = reference.get("hashes")
    if isinstance(hashes, dict):
        digest = next(
            (v for k, v in hashes.items() if type(k) is str and k.upper() in _SHA256_NAMES), None
        )
        if type(digest) is str and _HEX.fullmatch(digest):
            found["sha256"] = digest.lower()
    return found


def timestamp(moment: dt.datetime) -> str:
    """A STIX timestamp (UTC, ``Z``); a moment without a time zone is taken as UTC."""
    if moment.tzinfo is not None:
        # 0001-01-01 in a zone east of UTC has no UTC time: keep its wall time.
        with contextlib.suppress(OverflowError):
            moment = moment.astimezone(dt.UTC)
    fraction = f"{moment.microsecond:06d}" if moment.microsecond else "000"
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T"
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}.{fraction}Z"
    )


def start_of(date: PartialDate) -> str:
    """The first instant ``date`` can stand for, as a STIX timestamp."""
    return timestamp(date.earliest())


def end_of(date: PartialDate) -> str:
    """The last instant ``date`` can stand for, as a STIX timestamp."""
    return timestamp(date.latest())


_TIMESTAMP = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z", flags=re.ASCII
)


def partial_date(text: str) -> str | None:
    """The wire form of the second-precision UTC date a STIX timestamp names, or None."""
    match = _TIMESTAMP.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(part) for part in match.groups()[:6])
    fraction = match.group(7)
    microsecond = int(fraction[:6].ljust(6, "0")) if fraction else 0
    try:
        date = PartialDate(
            year=year,
            month=month,
            day=day,
            hour=hour,
            minute=minute,
            second=min(second, 59),  # a leap second is the end of its minute
            microsecond=microsecond or None,
            tz=dt.UTC,
        )
    except ValueError:
        return None
    return date.isoformat()
