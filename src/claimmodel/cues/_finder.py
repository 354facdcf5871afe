"""The finder: hedge and attribution cues in a text, with their spans.

:func:`find_cues` tokenizes the text once (see ``_tokens``), matches the lexicon
(longest match first, see ``_match``), and for each attribution cue looks, in the
cue's sentence only, for the speaker and the channel where the sentence shows
them plainly:

- the speaker is the name or the source noun right before the cue ("Lavrov
  confirmed", "Russian officials have consistently highlighted"), past a
  relative pronoun and an appositive between commas ("Alexei Chebanenko, a
  sculptor ..., who confirmed"); after the cue for "according to" and "citing",
  and after a quotation or a comma for "said" ('..., said the ministry');
- the channel is who received the statement ("told RIA Novosti", "confirmed to
  RIA Novosti"), or a channel phrase of the lexicon in the same sentence ("in an
  interview with Reuters", "at a press conference"), which also gives its kind.

Where the sentence does not show them plainly (a pronoun, a long noun phrase),
they are left out: a person fills them in, the finder does not guess.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from claimmodel.cues._lexicon import (
    CueKind,
    Entry,
    Lexicon,
    Recipient,
    SpeakerPosition,
    SuggestedStance,
    default_lexicon,
)
from claimmodel.cues._match import Candidate, candidates, select
from claimmodel.cues._quotes import Quotation, find_quotations
from claimmodel.cues._sentences import sentence_spans
from claimmodel.cues._tokens import Token, tokenize, words
from claimmodel.model import Channel, Hedge, HedgeCategory, Span

__all__ = [
    "AttributionCue",
    "Findings",
    "HedgeCue",
    "find_attributions",
    "find_cues",
    "find_hedges",
]

# Words that may stand between a speaker and the cue: auxiliaries and adverbs.
_BETWEEN = words(
    "also has have had is was were are will would later previously consistently "
    "repeatedly publicly again earlier recently initially then once already further "
    "separately subsequently reportedly continues continue continued to privately openly "
    "quickly immediately swiftly firmly flatly strongly"
)
_RELATIVES = frozenset({"who", "which", "that"})
# Inside a name: "Ministry of Defense", "Russia's Ministry", "Studio of Military Painters".
_CONNECTORS = frozenset({"of", "the", "for", "and", "&", "-", "'", "s", "de", "al", "von", "van"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})
_PRONOUNS = words(
    "i he she it we they you this that these those there here however meanwhile but and "
    "yet while although though when as if in on at after before"
)
# Nouns that name who speaks in news prose ("officials said", "a spokesman told").
_SPEAKER_NOUNS = words(
    "official officials spokesman spokesmen spokeswoman spokeswomen spokesperson "
    "spokespeople police prosecutor prosecutors authorities witness witnesses resident "
    "residents analyst analysts expert experts critic critics lawyer lawyers attorney "
    "attorneys investigator investigators source sources researcher researchers scientist "
    "scientists doctor doctors diplomat diplomats ministry government company agency "
    "military army president minister ministers governor mayor judge court committee "
    "commission council campaign party leader leaders officer officers representative "
    "representatives aide aides adviser advisers advisor advisors activist activists "
    "observers monitors organizers organisers community spokesperson officials "
    "administration department office embassy regulator regulators scholars historians "
    "sculptor journalist journalists reporter reporters editor group family relatives "
    "neighbours neighbors employees staff workers union opposition people person"
)
# Anonymous sources named by what they know: "two people familiar with the matter".
_FAMILIAR = tuple(
    tuple(phrase.split())
    for phrase in (
        "familiar with the",
        "familiar with",
        "briefed on the",
        "close to the",
        "with knowledge of the",
        "with direct knowledge of the",
    )
)
# Lower-case words that may precede a speaker noun: "two senior officials".
_MODIFIERS = words(
    "senior former top chief deputy local two three four five several many some other "
    "foreign military government state federal regional independent western unnamed "
    "anonymous international european american russian ukrainian defense defence health "
    "police security intelligence u.s. one more"
)


@attrs.frozen(kw_only=True)
class HedgeCue:
    """A hedge cue: its ``span``, the ``text`` matched, the lexicon ``entry`` and ``category``."""

    span: Span
    text: str
    entry: str
    """The id of the lexicon entry matched."""
    category: HedgeCategory

    def to_hedge(self, *, voiced_by: str | None = None, scope: str | None = None) -> Hedge:
        """The model's :class:`~claimmodel.model.Hedge` for this cue."""
        return Hedge(
            cue=self.text, category=self.category, span=self.span, voiced_by=voiced_by, scope=scope
        )


@attrs.frozen(kw_only=True)
class AttributionCue:
    """An attribution cue, the stance it suggests, and its speaker and channel where plain."""

    span: Span
    text: str
    entry: str
    """The id of the lexicon entry matched."""
    stance: SuggestedStance
    sentence: Span
    """The sentence the cue is in."""
    speaker: Span | None = None
    """Who speaks, where the sentence names them plainly."""
    channel: Span | None = None
    """Who received the statement, or the channel phrase ("in an interview with Reuters")."""
    recipient: Span | None = None
    """Who received the statement, where the cue names them ("told RIA Novosti")."""
    channel_kind: Channel | None = None
    """The kind of channel, where a channel phrase or the cue itself says it."""


@attrs.frozen(kw_only=True)
class Findings:
    """Everything the finder found in ``text``, each list in text order."""

    text: str
    hedges: tuple[HedgeCue, ...]
    attributions: tuple[AttributionCue, ...]
    quotations: tuple[Quotation, ...]
    sentences: tuple[Span, ...]


def _span(tokens: Sequence[Token], first: int, last: int) -> Span:
    return Span(start=tokens[first].start, end=tokens[last].end)


def _is_name(token: Token) -> bool:
    return token.is_word and token.is_capitalised and token.key not in _PRONOUNS


def _is_head(token: Token) -> bool:
    return _is_name(token) or token.key in _SPEAKER_NOUNS


def _trim(tokens: Sequence[Token], first: int, last: int) -> tuple[int, int] | None:
    while first <= last and (tokens[first].key in _CONNECTORS or tokens[first].key in _DETERMINERS):
        first += 1
    while last >= first and tokens[last].key in _CONNECTORS:
        last -= 1
    if first > last or not any(_is_head(tokens[i]) for i in range(first, last + 1)):
        return None
    return first, last


def _inside(token: Token) -> bool:
    return (
        _is_name(token)
        or token.key in _SPEAKER_NOUNS
        or token.key in _CONNECTORS
        or token.key in _MODIFIERS
    )


def _run_ending_at(tokens: Sequence[Token], last: int, floor: int) -> tuple[int, int] | None:
    """The name or source noun phrase that ends at token ``last`` (none before ``floor``)."""
    if last < floor or not _is_head(tokens[last]):
        return None
    first = last
    while first - 1 >= floor and _inside(tokens[first - 1]):
        first -= 1
    return _trim(tokens, first, last)


def _run_starting_at(tokens: Sequence[Token], first: int, ceiling: int) -> tuple[int, int] | None:
    """The name or source noun phrase that starts at token ``first`` (none after ``ceiling``)."""
    while first <= ceiling and tokens[first].key in _DETERMINERS:
        first += 1
    if first > ceiling or not (_is_head(tokens[first]) or tokens[first].key in _MODIFIERS):
        return None
    last = first
    while last + 1 <= ceiling and _inside(tokens[last + 1]):
        last += 1
    # A name ends at its last capitalised word or source noun.
    while last >= first and not _is_head(tokens[last]):
        last -= 1
    return _trim(tokens, first, last) if last >= first else None


def _familiar(tokens: Sequence[Token], last: int, floor: int) -> int | None:
    """Where "people familiar with the matter" begins, when it ends at ``last``."""
    for opening in _FAMILIAR:
        first = last - len(opening)
        if first - 1 >= floor and tuple(t.key for t in tokens[first:last]) == opening:
            return first
    return None


def _speaker_before(tokens: Sequence[Token], first: int, floor: int) -> tuple[int, int] | None:
    position = first - 1
    while position >= floor and tokens[position].key in _BETWEEN:
        position -= 1
    if position >= floor and tokens[position].key in _RELATIVES:
        position -= 1
    familiar = _familiar(tokens, position, floor)
    if familiar is not None:
        run = _run_ending_at(tokens, familiar - 1, floor)
        return (run[0], position) if run else None
    if position >= floor and tokens[position].text == ",":
        # An appositive: "Alexei Chebanenko, a sculptor affiliated with ..., who confirmed".
        comma = position - 1
        while comma >= floor and tokens[comma].text != ",":
            comma -= 1
        if comma < floor:
            return None
        position = comma - 1
    return _run_ending_at(tokens, position, floor)


def _speaker(
    tokens: Sequence[Token], candidate: Candidate, floor: int, ceiling: int
) -> tuple[int, int] | None:
    entry = candidate.entry
    if entry.speaker is SpeakerPosition.NONE:
        return None
    if entry.speaker is SpeakerPosition.AFTER:
        return _run_starting_at(tokens, candidate.last + 1, ceiling)
    found = _speaker_before(tokens, candidate.first, floor)
    if found is None and candidate.first > floor:
        before = tokens[candidate.first - 1].text
        if before in {",", "”", '"', "’", "»", "“"} and entry.recipient is not Recipient.OBJECT:
            found = _run_starting_at(tokens, candidate.last + 1, ceiling)
    return found


def _recipient(
    tokens: Sequence[Token], candidate: Candidate, ceiling: int
) -> tuple[int, int] | None:
    position = candidate.last + 1
    if candidate.entry.recipient is Recipient.TO:
        if position > ceiling or tokens[position].key != "to":
            return None
        position += 1
    elif candidate.entry.recipient is not Recipient.OBJECT:
        return None
    if position > ceiling:
        return None
    found = _run_starting_at(tokens, position, ceiling)
    if found is None or not _is_name(tokens[found[0]]):
        return None  # "told reporters" is a channel phrase, "told him" no channel at all
    return found


def _channel_phrase(
    tokens: Sequence[Token], channels: Sequence[Candidate], candidate: Candidate, ceiling: int
) -> tuple[tuple[int, int], Entry] | None:
    def distance(channel: Candidate) -> int:
        if channel.first > candidate.last:
            return channel.first - candidate.last
        return candidate.first - channel.last

    near = sorted(channels, key=lambda channel: (distance(channel), channel.first))
    if not near:
        return None
    channel = near[0]
    last = channel.last
    if tokens[last].key in {"with", "on", "to", "by"} and last + 1 <= ceiling:
        run = _run_starting_at(tokens, last + 1, ceiling)
        if run is not None:
            last = run[1]
    return (channel.first, last), channel.entry


def _sentence_bounds(tokens: Sequence[Token], sentences: Sequence[Span]) -> list[tuple[int, int]]:
    """For each token, the first and last token indices of its sentence."""
    bounds: list[tuple[int, int]] = []
    position = 0
    for sentence in sentences:
        first = position
        while position < len(tokens) and tokens[position].start < sentence.end:
            position += 1
        bounds.extend([(first, position - 1)] * (position - first))
    bounds.extend([(position, len(tokens) - 1)] * (len(tokens) - position))
    return bounds


# Where raw candidates come from: the pure-Python matcher, or the spaCy adapter's.
Matcher = Callable[[Sequence[Token], Lexicon, CueKind], list[Candidate]]


def _hedges(
    tokens: Sequence[Token], text: str, lexicon: Lexicon, matcher: Matcher = candidates
) -> tuple[HedgeCue, ...]:
    chosen = select(matcher(tokens, lexicon, CueKind.HEDGE), tokens, text)
    return tuple(_hedge(tokens, text, candidate) for candidate in chosen)


def _hedge(tokens: Sequence[Token], text: str, candidate: Candidate) -> HedgeCue:
    span = _span(tokens, candidate.first, candidate.last)
    assert candidate.entry.category is not None  # every hedge entry has one
    return HedgeCue(
        span=span, text=span.of(text), entry=candidate.entry.id, category=candidate.entry.category
    )


def _attributions(
    tokens: Sequence[Token],
    text: str,
    lexicon: Lexicon,
    sentences: Sequence[Span],
    matcher: Matcher = candidates,
) -> tuple[AttributionCue, ...]:
    chosen = select(matcher(tokens, lexicon, CueKind.ATTRIBUTION), tokens, text)
    channels = select(matcher(tokens, lexicon, CueKind.CHANNEL), tokens, text)
    bounds = _sentence_bounds(tokens, sentences)
    found = []
    for candidate in chosen:
        floor, ceiling = bounds[candidate.first]
        span = _span(tokens, candidate.first, candidate.last)
        speaker = _speaker(tokens, candidate, floor, ceiling)
        recipient = _recipient(tokens, candidate, ceiling)
        in_sentence = [
            channel
            for channel in channels
            if floor <= channel.first
            and channel.last <= ceiling
            and not (channel.first <= candidate.last and candidate.first <= channel.last)
        ]
        phrase = _channel_phrase(tokens, in_sentence, candidate, ceiling)
        channel_span = recipient or (phrase[0] if phrase else None)
        kind = phrase[1].channel if phrase else candidate.entry.channel
        assert candidate.entry.stance is not None  # every attribution entry has one
        found.append(
            AttributionCue(
                span=span,
                text=span.of(text),
                entry=candidate.entry.id,
                stance=candidate.entry.stance,
                sentence=_span(tokens, floor, ceiling),
                speaker=_span(tokens, *speaker) if speaker else None,
                channel=_span(tokens, *channel_span) if channel_span else None,
                recipient=_span(tokens, *recipient) if recipient else None,
                channel_kind=kind,
            )
        )
    return tuple(found)


def findings(text: str, lexicon: Lexicon, matcher: Matcher) -> Findings:
    """Everything found in ``text``, with raw candidates from ``matcher``."""
    tokens = tokenize(text)
    sentences = tuple(sentence_spans(text))
    return Findings(
        text=text,
        hedges=_hedges(tokens, text, lexicon, matcher),
        attributions=_attributions(tokens, text, lexicon, sentences, matcher),
        quotations=tuple(find_quotations(text)),
        sentences=sentences,
    )


def find_cues(text: str, *, lexicon: Lexicon | None = None) -> Findings:
    """Hedge cues, attribution cues, quotations and sentences of ``text``, in one pass."""
    return findings(text, default_lexicon() if lexicon is None else lexicon, candidates)


def find_hedges(text: str, *, lexicon: Lexicon | None = None) -> list[HedgeCue]:
    """Every hedge cue in ``text``, longest match first, in text order."""
    lexicon = default_lexicon() if lexicon is None else lexicon
    return list(_hedges(tokenize(text), text, lexicon))


def find_attributions(text: str, *, lexicon: Lexicon | None = None) -> list[AttributionCue]:
    """Every attribution cue in ``text`` with its suggested stance, speaker and channel."""
    lexicon = default_lexicon() if lexicon is None else lexicon
    return list(_attributions(tokenize(text), text, lexicon, sentence_spans(text)))
