"""Sentences: where the finder looks for a cue's speaker, channel and hedges.

A sentence ends at a blank line (a paragraph break), or after ``.``, ``!``, ``?`` or ``…`` (and any
closing quotation marks or brackets after it) that is followed by white space
and then by an upper-case letter, a digit or an opening quotation mark — unless
the full stop ends a common abbreviation ("Mr.", "Gen.", "U.S.") or an initial.
That is a rule of thumb: it is transparent, deterministic and right for ordinary
news prose, and it is all the finder needs.
"""

from __future__ import annotations

import re

from claimmodel.cues._tokens import words
from claimmodel.model import Span

__all__ = ["sentence_spans"]

_ABBREVIATIONS = words(
    "mr mrs ms dr prof gen col lt sgt capt cmdr adm maj gov sen rep rev st jr sr inc corp "
    "ltd co no vs etc fig approx dept est jan feb mar apr jun jul aug sep sept oct nov "
    "dec u.s u.k u.n e.g i.e a.m p.m"
)
_CLOSERS = "\"'”’»“)]"
_OPENERS = "\"'“‘«„‚([¿¡"
_END = re.compile(rf"[.!?…]+[{re.escape(_CLOSERS)}]*(?=\s+[{re.escape(_OPENERS)}]*[\w])")
# A single line break may be hard wrapping inside a sentence; a blank line may not.
_PARAGRAPH = re.compile(r"(?:\r?\n|\r)[^\S\n\r]*(?:\r?\n|\r)\s*|\u2029")


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends an abbreviation or an initial."""
    if text[stop] != ".":
        return False
    start = stop
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:stop]
    return (len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS


def _splits(text: str) -> list[int]:
    cuts = []
    for match in _END.finditer(text):
        following = text[match.end() :].lstrip()
        first = following.lstrip(_OPENERS)[:1]
        if not (first.isupper() or first.isdigit() or first != following[:1]):
            continue
        if _is_abbreviation(text, match.start()):
            continue
        cuts.append(match.end())
    cuts.extend(match.start() for match in _PARAGRAPH.finditer(text))
    return sorted(set(cuts))


def sentence_spans(text: str) -> list[Span]:
    """The spans of ``text``'s sentences, in order, without surrounding white space."""
    spans = []
    start = 0
    for cut in [*_splits(text), len(text)]:
        piece = text[start:cut]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            spans.append(Span(start=start + left, end=start + right))
        start = cut
    return spans
