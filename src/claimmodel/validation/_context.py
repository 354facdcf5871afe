"""The state one validation shares between rules: the bundle's indexes and the findings.

Every index is built once, in one pass over each collection, so that each rule
can look an id up in constant time and the whole validation stays linear in the
size of the bundle.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from claimmodel.format._errors import shortened
from claimmodel.model import (
    SCALES,
    Assertion,
    Bundle,
    DateCertainty,
    Document,
    Evidence,
    PartialDate,
    Scale,
    Source,
)
from claimmodel.validation._report import Finding, Severity, order

__all__ = ["LONGEST_MESSAGE", "Context"]

LONGEST_MESSAGE = 400
"""The longest finding message, in characters, as for decoding problems."""

_SLACK = 256  # findings gathered beyond twice the limit before they are sorted and cut


def _first_index(ids: list[str]) -> dict[str, int]:
    index: dict[str, int] = {}
    for position, item_id in enumerate(ids):
        index.setdefault(item_id, position)
    return index


class Context:
    """The bundle, look-ups by id (the first item wins on duplicates), the scales by id
    (built-in and the caller's own) and the findings."""

    __slots__ = (
        "assertion_ids",
        "bundle",
        "claim_ids",
        "findings",
        "limit",
        "published",
        "published_certainty",
        "relation_ids",
        "scales",
        "severities",
        "source_ids",
        "sources",
        "unlisted_errors",
        "unlisted_warnings",
        "verdict_ids",
    )

    def __init__(
        self,
        bundle: Bundle,
        severities: Mapping[str, Severity],
        scales: Mapping[str, Scale] = SCALES,
        limit: int | None = None,
    ) -> None:
        self.bundle = bundle
        self.severities = severities
        self.scales = scales
        self.findings: list[Finding] = []
        self.limit = limit
        self.unlisted_errors = self.unlisted_warnings = 0
        self.source_ids = _first_index([s.id for s in bundle.sources])
        self.claim_ids = _first_index([c.id for c in bundle.claims])
        self.assertion_ids = _first_index([a.id for a in bundle.assertions])
        self.relation_ids = _first_index([r.id for r in bundle.relations])
        self.verdict_ids = _first_index([v.id for v in bundle.verdicts])
        self.sources: dict[str, Source] = {
            source_id: bundle.sources[position] for source_id, position in self.source_ids.items()
        }
        self.published, self.published_certainty = self._publication_date()

    def _publication_date(self) -> tuple[PartialDate | None, DateCertainty | None]:
        if self.bundle.published is not None:
            return self.bundle.published, self.bundle.published_certainty
        document = self.document(self.bundle.document)
        if document is None:
            return None, None
        return document.published, document.published_certainty

    @property
    def published_caveat(self) -> str:
        """What a finding that leans on the publication date must add when it is not stated."""
        certainty = self.published_certainty
        if certainty is None:
            return ""
        return (
            f" (the publication date {self.published} is {certainty.value}, not stated: "
            "check it first)"
        )

    def wants(self, code: str) -> bool:
        """Whether the rule with this code is applied."""
        return code in self.severities

    def emit(self, code: str, path: str, message: str) -> None:
        """Record a finding of rule ``code`` at ``path``, unless the rule is not applied.

        The message is one printable line of at most about 400 characters, as a
        decoding problem's: a hostile id or text quoted in it is cut in the middle.
        """
        severity = self.severities.get(code)
        if severity is not None:
            if len(message) > LONGEST_MESSAGE or not message.isprintable():
                message = shortened(message, LONGEST_MESSAGE)
            self.findings.append(Finding(code=code, severity=severity, path=path, message=message))
            if self.limit is not None and len(self.findings) >= 2 * self.limit + _SLACK:
                self.trim()

    def trim(self) -> None:
        """Keep the first ``limit`` findings in document order and count the others, so
        that memory stays bounded by the limit however many findings there are."""
        if self.limit is None or len(self.findings) <= self.limit:
            return
        self.findings.sort(key=order)
        for finding in self.findings[self.limit :]:
            if finding.is_error:
                self.unlisted_errors += 1
            else:
                self.unlisted_warnings += 1
        del self.findings[self.limit :]

    def assertion(self, assertion_id: str) -> Assertion | None:
        """The assertion with this id, or ``None``."""
        position = self.assertion_ids.get(assertion_id)
        return None if position is None else self.bundle.assertions[position]

    def evidence(self) -> Iterator[tuple[str, Evidence]]:
        """Every piece of evidence in the bundle, assertions' then verdicts', with its path."""
        for index, assertion in enumerate(self.bundle.assertions):
            for position, item in enumerate(assertion.evidence):
                yield f"$.assertions[{index}].evidence[{position}]", item
        for index, verdict in enumerate(self.bundle.verdicts):
            for position, item in enumerate(verdict.evidence):
                yield f"$.verdicts[{index}].evidence[{position}]", item

    def source(self, source_id: str | None) -> Source | None:
        """The source with this id, or ``None``."""
        return self.sources.get(source_id) if source_id is not None else None

    def document(self, source_id: str | None) -> Document | None:
        """The document source with this id, or ``None`` (also when it is another kind)."""
        found = self.source(source_id)
        return found if isinstance(found, Document) else None
