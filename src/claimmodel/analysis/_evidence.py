"""Evidence that bears on a claim: counted by the pieces it names, never as a voice.

A video or a dataset shows something; it does not speak.  The analysis lists the
evidence whose ``bearing`` the record states beside the origins, never among them.
One piece carried by several assertions (the same ``sha256``, else the same ``url``,
else the same ``archive_url``) with the same bearing counts once.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from claimmodel.model import Assertion, Bearing, Evidence

__all__ = ["CitedEvidence", "cited_evidence", "evidence_words"]


@attrs.frozen(kw_only=True)
class CitedEvidence:
    """A piece of ``evidence`` that bears on the claim, and the ids of the
    ``assertions`` that carry it (sorted; several when they carry the same piece)."""

    evidence: Evidence
    assertions: tuple[str, ...]

    @property
    def bearing(self) -> Bearing:
        """How it bears on the claim."""
        assert self.evidence.bearing is not None  # only evidence with a bearing is cited
        return self.evidence.bearing


def _piece(assertion: Assertion, position: int, evidence: Evidence) -> tuple[str, ...]:
    """What tells one piece of evidence from another."""
    for name in ("sha256", "url", "archive_url"):
        value: str | None = getattr(evidence, name)
        if value is not None:
            return (name, value)
    return ("at", assertion.id, str(position))


def cited_evidence(assertions: Iterable[Assertion]) -> tuple[CitedEvidence, ...]:
    """The evidence with a bearing that ``assertions`` carry (in assertion-id order), each
    piece once for each bearing given to it."""
    found: dict[tuple[tuple[str, ...], Bearing], tuple[Evidence, list[str]]] = {}
    for assertion in sorted(assertions, key=lambda a: a.id):
        for position, evidence in enumerate(assertion.evidence):
            if evidence.bearing is None:
                continue
            key = (_piece(assertion, position, evidence), evidence.bearing)
            carriers = found.setdefault(key, (evidence, []))[1]
            if assertion.id not in carriers:
                carriers.append(assertion.id)
    return tuple(
        CitedEvidence(evidence=evidence, assertions=tuple(carriers))
        for evidence, carriers in found.values()
    )


_VERBS = {
    Bearing.SUPPORTS: ("supports it", "support it"),
    Bearing.REFUTES: ("refutes it", "refute it"),
    Bearing.NEITHER: ("bears neither way", "bear neither way"),
}


def evidence_words(cited: tuple[CitedEvidence, ...]) -> str:
    """The evidence in a verdict: ``"evidence: 1 supports it (video), 2 refute it (image,
    dataset)"``; empty when none bears on the claim."""
    parts = []
    for bearing, (one, many) in _VERBS.items():
        kinds = [item.evidence.kind.value for item in cited if item.bearing is bearing]
        if kinds:
            verb = one if len(kinds) == 1 else many
            parts.append(f"{len(kinds)} {verb} ({', '.join(dict.fromkeys(kinds))})")
    return "evidence: " + ", ".join(parts) if parts else ""
