"""A first draft of a record from text: what a person completes, never a judgement.

:func:`draft_bundle` turns the finder's attribution cues into a starting bundle:
the document with its text; for each attribution cue one draft assertion with the
hedges of its sentence, the speaker as a source where the sentence names them
plainly (a placeholder anonymous source where it does not), the recipient as a
relay, the claim as the reported clause's text (for a source that declined to
comment or did not respond, what it was asked about), and a confidence that cannot
be judged.  Every object the finder suggests carries a :class:`~claimmodel.model.Draft`
marker, which validation reports (rule CM801) until a person clears it, so nothing
unreviewed reads as a judgement.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

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
    Stance,
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
_SILENT = frozenset({Stance.DECLINES_TO_COMMENT, Stance.DOES_NOT_RESPOND})
# What a source that kept silent was asked about, after its "declined to comment" or
# "did not respond": "on the report", "to questions about the leak", "whether it left".
_TOPIC = re.compile(
    r"(?:(?:further|publicly|immediately)\s+)?"
    r"(?:to\s+(?:(?:a|an|the|repeated|several|multiple)\s+)*"
    r"(?:questions?|requests?|inquiries|inquiry|queries|query|calls?|e-?mails?|messages?)"
    r"(?:\s+(?:for|seeking)\s+comment)?\s+)?"
    r"(?:(?:on|about|regarding|concerning|over)\s+(?:(?:whether|if)\s+)?|(?:whether|if)\s+)"
    r"(?P<topic>\S.*)",
    re.IGNORECASE | re.DOTALL,
)
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
    after = _LEADING.sub("", _after(findings, cue)).strip(_TRAILING)
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


def _after(findings: Findings, cue: AttributionCue) -> str:
    """The rest of the cue's sentence, past its speaker and channel when they follow it."""
    start = cue.span.end
    for part in (cue.speaker, cue.channel):
        if part is not None and part.start >= cue.span.end:
            start = max(start, part.end)
    return findings.text[start : cue.sentence.end].strip(_TRAILING)


def _topic(findings: Findings, cue: AttributionCue) -> str | None:
    """What a source that declined to comment or did not respond was asked about, where
    its sentence says so ("declined to comment on the report")."""
    match = _TOPIC.fullmatch(_after(findings, cue))
    if match is None:
        return None
    topic = match.group("topic").strip(_TRAILING)
    return topic if len(topic.split()) >= 2 else None


def _previous(findings: Findings, sentence: Span) -> Span | None:
    """The sentence before ``sentence``, if any."""
    earlier = [span for span in findings.sentences if span.end <= sentence.start]
    return earlier[-1] if earlier else None


def _inside(span: Span, spans: Sequence[Span]) -> bool:
    return any(outer.start <= span.start and span.end <= outer.end for outer in spans)


def _asked_about(
    findings: Findings,
    cue: AttributionCue,
    drafted: Sequence[tuple[Span, str]],
    claims: Mapping[str, Claim],
) -> tuple[str | None, str | None]:
    """A silent source's claim where its sentence names no topic, and the draft note
    saying where it came from: the claim drafted last in the same or the previous
    sentence, else the previous sentence itself."""
    previous = _previous(findings, cue.sentence)
    if drafted and drafted[-1][0] in (cue.sentence, previous):
        return claims[drafted[-1][1]].text, (
            "its sentence names no topic: the claim is the one drafted just before; "
            "check that this is what the source was asked about"
        )
    if previous is None:
        return None, None
    before = previous.of(findings.text).strip(_TRAILING)
    if len(before.split()) < 2:
        return None, None
    return before, (
        "its sentence names no topic: the claim is the sentence before; check that this "
        "is what the source was asked about, and word it as a claim"
    )


def draft_bundle(
    text: str,
    *,
    lexicon: Lexicon | None = None,
    title: str | None = None,
    document_id: str = "document",
) -> Bundle:
    """A starting bundle for ``text``: one draft assertion per attribution cue.

    The document (id ``document_id``) carries the text; every other object is
    marked as a draft.  A source that declined to comment or did not respond gets an
    assertion with that stance about what its sentence says it was asked about ("on
    the report"); where the sentence does not say, about the claim drafted just before
    in the same or the previous sentence, else the previous sentence's text, the
    assertion's draft note saying which (a first sentence that names no topic gets
    none).  A "no comment" inside a quotation is the quoted speaker's words, drafted
    with the verb that reports them.
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
    drafted: list[tuple[Span, str]] = []  # the sentence and the claim id of each assertion
    for cue in findings.attributions:
        stance = cue.stance.stance
        if stance is None:
            continue
        note = None
        if stance in _SILENT:
            if _inside(cue.span, quotations):
                continue
            clause = _topic(findings, cue)
            if clause is None:
                clause, note = _asked_about(findings, cue, drafted, claims)
        else:
            clause = _clause(findings, cue)
        if clause is None:
            continue
        speaker = (
            sources.named(cue.speaker.of(text)) if cue.speaker else sources.placeholder(cue.text)
        )
        chain: list[Link] = []
        outlet = (
            sources.named(cue.recipient.of(text), recipient=True)
            if cue.recipient is not None
            else None
        )
        # A recipient the sentence names as the speaker too ("officials told officials")
        # relays nothing: a statement passes through each source once.
        if outlet is not None and outlet.id != speaker.id:
            chain.append(Link(source=outlet.id, channel=cue.channel_kind or Channel.UNSPECIFIED))
            chain.append(Link(source=document_id, channel=Channel.PUBLICATION))
        else:
            chain.append(Link(source=document_id, channel=cue.channel_kind or Channel.UNSPECIFIED))
        claim = Claim(text=clause, draft=marker)
        claims.setdefault(claim.id, claim)
        drafted.append((cue.sentence, claim.id))
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
                draft=marker if note is None else Draft(by=marker.by, note=note),
            )
        )
    return Bundle(
        title=title,
        document=document_id,
        sources=(document, *sources.all()),
        claims=tuple(claims.values()),
        assertions=tuple(assertions),
    )
