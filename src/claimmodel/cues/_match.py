"""Matching a lexicon against tokens: candidates, their conditions, longest first.

Every matcher (this pure-Python one and the spaCy adapter) produces the same raw
*candidates* — a run of tokens whose keys equal one of an entry's forms — and
hands them to :func:`select`, which drops those whose :class:`Condition` fails
and keeps the longest of any that overlap.  Sharing that step is what holds the
two matchers to the same results.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from claimmodel.cues._lexicon import Condition, CueKind, Entry, Lexicon
from claimmodel.cues._tokens import Token, words

__all__ = ["Candidate", "candidates", "select"]

_NUMBER_WORDS = words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions "
    "trillion dozen dozens score half quarter third noon midnight"
)
_ARTICLES = frozenset({"a", "an"})
_CURRENCIES = frozenset("$€£¥₽₹₩₴")
_SENTENCE_ENDS = frozenset(".!?…")
_OPENING_QUOTES = frozenset("\"'“‘«„‚(")
_DETERMINERS = words(
    "the a an its his her their our my your this that these those some any no every each "
    "of over for in on about with by from into against amid after before without"
)


@attrs.frozen
class Candidate:
    """Tokens ``[first, last]`` (inclusive indices) matching one form of ``entry``."""

    first: int
    last: int
    entry: Entry


def candidates(tokens: Sequence[Token], lexicon: Lexicon, kind: CueKind) -> list[Candidate]:
    """Every run of tokens that equals a form of an entry of ``kind`` (overlaps included)."""
    phrases = lexicon.phrases(kind)
    found = []
    for position, token in enumerate(tokens):
        for keys, entry in phrases.get(token.key, ()):
            last = position + len(keys) - 1
            if last < len(tokens) and all(
                tokens[position + offset].key == keys[offset] for offset in range(1, len(keys))
            ):
                found.append(Candidate(position, last, entry))
    return found


def _is_number(tokens: Sequence[Token], position: int) -> bool:
    if position >= len(tokens):
        return False
    token = tokens[position]
    if token.key[0].isdigit() or token.key in _NUMBER_WORDS:
        return True
    if token.key in _CURRENCIES or token.key in _ARTICLES:
        return _is_number(tokens, position + 1)
    return False


def _starts_sentence(tokens: Sequence[Token], position: int, text: str) -> bool:
    previous = position - 1
    while previous >= 0 and tokens[previous].text in _OPENING_QUOTES:
        previous -= 1
    if previous < 0:
        return True
    between = text[tokens[previous].end : tokens[position].start]
    return tokens[previous].text in _SENTENCE_ENDS or between.count("\n") >= 1


def _holds(candidate: Candidate, tokens: Sequence[Token], text: str) -> bool:
    condition = candidate.entry.condition
    if condition is Condition.NUMBER_FOLLOWS:
        return _is_number(tokens, candidate.last + 1)
    if condition is Condition.NOT_CAPITALISED_MID_SENTENCE:
        first = tokens[candidate.first]
        return not first.is_capitalised or _starts_sentence(tokens, candidate.first, text)
    if condition is Condition.NOT_AFTER_DETERMINER:
        return not _after_determiner(tokens, candidate.first)
    return True


def _after_determiner(tokens: Sequence[Token], position: int) -> bool:
    if position == 0:
        return False
    previous = tokens[position - 1].key
    possessive = previous == "s" and position >= 2 and tokens[position - 2].key == "'"
    return previous in _DETERMINERS or possessive


def select(found: Iterable[Candidate], tokens: Sequence[Token], text: str) -> list[Candidate]:
    """The candidates whose conditions hold, longest first, none overlapping, in text order.

    Longer matches (in characters) win over shorter ones they overlap; between
    equally long ones the earlier wins, then the entry with the smaller id.
    """
    held = [candidate for candidate in found if _holds(candidate, tokens, text)]

    def length(candidate: Candidate) -> int:
        return tokens[candidate.last].end - tokens[candidate.first].start

    held.sort(key=lambda c: (-length(c), c.first, c.entry.id))
    taken: list[Candidate] = []
    used: set[int] = set()
    for candidate in held:
        positions = range(candidate.first, candidate.last + 1)
        if not used.intersection(positions):
            taken.append(candidate)
            used.update(positions)
    taken.sort(key=lambda c: (c.first, c.last))
    return taken
