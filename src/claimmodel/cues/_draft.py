"""A first draft of a record from text: what a person completes, never a judgement.

:func:`draft_bundle` turns the finder's attribution cues into a starting bundle:
the document with its text; for each attribution cue one draft assertion with the
hedges of its sentence, the speaker as a source where the sentence names them
plainly (a placeholder anonymous source where it does not), the recipient as a
relay, the claim as the reported clause's text, and a confidence that cannot be
judged.  Every object the finder suggests carries a :class:`~claimmodel.model.Draft`
marker, which validation reports (rule CM801) until a person clears it, so nothing
unreviewed reads as a judgement.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from claimmodel.cues._finder import AttributionCue, Findings, find_cues
from claimmodel.cues._lexicon import Lexicon, default_lexicon
from claimmodel.cues._tokens import tokenize, words
from claimmodel.exceptions import InvalidValueError
from claimmodel.model import (
    AnonymousSource,
    Assertion,
    Attribution,
    Bundle,
    Channel,
    Claim,
    Collective,
    Confidence,
    Document,
    Draft,
    Evidence,
    GovernmentBody,
    Hedge,
    Link,
    MediaOutlet,
    Organization,
    Person,
    Source,
    Span,
)

__all__ = ["DRAFTED_BY", "draft_bundle"]

DRAFTED_BY = "claimmodel cues"
"""How drafts name the program that suggested them (followed by the lexicon's version)."""

_GOVERNMENT = words(
    "ministry government commission parliament council department agency administration "
    "embassy presidency kremlin cabinet senate congress assembly court office"
)
_ORGANIZATION = words(
    "company corporation bank university institute studio union alliance party group "
    "foundation association federation committee mission organization organisation "
    "network institute centre center campaign army military police force forces"
)
_COLLECTIVES = words(
    "officials sources residents witnesses experts analysts critics authorities diplomats "
    "investigators researchers scientists doctors lawyers activists observers monitors "
    "leaders officers representatives aides advisers advisors employees workers staff "
    "community relatives neighbours neighbors people"
)
_ANONYMOUS = words("familiar briefed knowledge anonymity unnamed anonymous unidentified")
_LEADING = re.compile(r"^(?:that\b|[,:;—–-])\s*", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")
_TRAILING = " \t\n,.;:!?”\"'»“«„"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "source"


class _Sources:
    """Sources by the words that name them, each once, with stable ids."""

    def __init__(self, marker: Draft, *, taken: str) -> None:
        self.marker = marker
        self.by_name: dict[str, Source] = {}
        self.ids: set[str] = {taken}
        self.unnamed = 0

    def _id(self, base: str) -> str:
        candidate, number = base, 1
        while candidate in self.ids:
            number += 1
            candidate = f"{base}-{number}"
        self.ids.add(candidate)
        return candidate

    def named(self, name: str, *, recipient: bool = False) -> Source:
        key = name.casefold()
        if key in self.by_name:
            return self.by_name[key]
        tokens = tokenize(name)
        if len(tokens) == 1:  # a surname on second mention: "Chebanenko revealed"
            for known in self.by_name.values():
                if (
                    isinstance(known, Person)
                    and known.name
                    and (tokenize(known.name)[-1].key == tokens[0].key)
                ):
                    return known
        keys = {token.key for token in tokens}
        last = tokens[-1].key
        # "Head of the Ministry Andrei Belyushikov" ends in a person's name.
        titled = (
            len(tokens) >= 3
            and all(token.is_capitalised for token in tokens[-2:])
            and not {tokens[-1].key, tokens[-2].key} & (_GOVERNMENT | _ORGANIZATION)
            and tokens[-3].key not in {"of", "for", "and", "'"}
        )
        if titled:
            keys -= _GOVERNMENT | _ORGANIZATION
        note = "kind guessed from the words that name it; check it and add roles"
        source_id = self._id(_slug(name))
        source: Source
        if keys & _ANONYMOUS:
            source = AnonymousSource(id=source_id, description=name, draft=self.marker)
        elif recipient:
            source = MediaOutlet(id=source_id, name=name, draft=Draft(by=self.marker.by, note=note))
        elif last in _COLLECTIVES:
            source = Collective(id=source_id, name=name, draft=Draft(by=self.marker.by, note=note))
        elif keys & _GOVERNMENT:
            source = GovernmentBody(
                id=source_id, name=name, draft=Draft(by=self.marker.by, note=note)
            )
        elif keys & _ORGANIZATION:
            source = Organization(
                id=source_id, name=name, draft=Draft(by=self.marker.by, note=note)
            )
        else:
            source = Person(id=source_id, name=name, draft=Draft(by=self.marker.by, note=note))
        self.by_name[key] = source
        return source

    def placeholder(self, cue: str) -> Source:
        self.unnamed += 1
        source_id = self._id(f"speaker-{self.unnamed}")
        source = AnonymousSource(
            id=source_id,
            description=f"the speaker of {cue!r}, not named plainly in its sentence",
            draft=Draft(by=self.marker.by, note="name the speaker, or keep them anonymous"),
        )
        self.by_name[source_id] = source
        return source

    def all(self) -> tuple[Source, ...]:
        return tuple(self.by_name.values())


def _clause(findings: Findings, cue: AttributionCue) -> str | None:
    """The reported clause: the sentence after the cue (past its speaker and channel), else
    the quotation or the words before the cue."""
    text = findings.text
    sentence = cue.sentence
    start = cue.span.end
    for part in (cue.speaker, cue.channel):
        if part is not None and part.start >= cue.span.end:
            start = max(start, part.end)
    after = _LEADING.sub("", text[start : sentence.end].strip(_TRAILING)).strip(_TRAILING)
    if len(after.split()) >= 2:
        return after
    for quotation in findings.quotations:
        if sentence.start <= quotation.span.start and quotation.span.end <= cue.span.start:
            return quotation.text.strip(_TRAILING) or None
    before_end = (
        cue.speaker.start if cue.speaker and cue.speaker.end <= cue.span.start else cue.span.start
    )
    before = text[sentence.start : before_end].strip(_TRAILING)
    return before if len(before.split()) >= 2 else None


def _inside(span: Span, spans: Sequence[Span]) -> bool:
    return any(outer.start <= span.start and span.end <= outer.end for outer in spans)


def draft_bundle(
    text: str,
    *,
    lexicon: Lexicon | None = None,
    title: str | None = None,
    document_id: str = "document",
) -> Bundle:
    """A starting bundle for ``text``: one draft assertion per attribution cue.

    The document (id ``document_id``) carries the text; every other object is
    marked as a draft.  Cues whose suggested stance the format has no value for yet
    (declines to comment) get no assertion.
    """
    if type(text) is not str or not text.strip():
        raise InvalidValueError("there is no text to draft from: the text is empty or blank")
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        raise InvalidValueError(
            f"the text holds a lone surrogate at offset {surrogate.start()}, which no record "
            "can carry (it cannot be written as UTF-8)"
        )
    lexicon = default_lexicon() if lexicon is None else lexicon
    findings = find_cues(text, lexicon=lexicon)
    marker = Draft(by=f"{DRAFTED_BY} (lexicon {lexicon.name} {lexicon.version})")
    document = Document(id=document_id, name=title, text=text)
    sources = _Sources(marker, taken=document_id)
    quotations = [quotation.span for quotation in findings.quotations]
    claims: dict[str, Claim] = {}
    assertions: list[Assertion] = []
    for cue in findings.attributions:
        stance = cue.stance.stance
        clause = _clause(findings, cue)
        if stance is None or clause is None:
            continue
        speaker = (
            sources.named(cue.speaker.of(text)) if cue.speaker else sources.placeholder(cue.text)
        )
        chain: list[Link] = []
        if cue.recipient is not None:
            outlet = sources.named(cue.recipient.of(text), recipient=True)
            chain.append(Link(source=outlet.id, channel=cue.channel_kind or Channel.UNSPECIFIED))
            chain.append(Link(source=document_id, channel=Channel.PUBLICATION))
        else:
            chain.append(Link(source=document_id, channel=cue.channel_kind or Channel.UNSPECIFIED))
        claim = Claim(text=clause, draft=marker)
        claims.setdefault(claim.id, claim)
        hedges = tuple(
            Hedge(
                cue=hedge.text,
                category=hedge.category,
                span=hedge.span,
                voiced_by=None if _inside(hedge.span, quotations) else document_id,
                draft=marker,
            )
            for hedge in findings.hedges
            if cue.sentence.start <= hedge.span.start and hedge.span.end <= cue.sentence.end
        )
        assertions.append(
            Assertion(
                id=f"a{len(assertions) + 1}",
                claim=claim.id,
                attribution=Attribution(source=speaker.id, cue=cue.text, chain=tuple(chain)),
                confidence=Confidence.cannot_be_judged(
                    basis="drafted from the text; no person has judged it"
                ),
                stance=stance,
                hedges=hedges,
                evidence=(Evidence(quote=cue.sentence.of(text), span=cue.sentence),),
                draft=marker,
            )
        )
    return Bundle(
        title=title,
        document=document_id,
        sources=(document, *sources.all()),
        claims=tuple(claims.values()),
        assertions=tuple(assertions),
    )
