"""Tokens and the one normalisation every matcher shares.

A token is a maximal run of word characters (letters, digits, the underscore and
combining marks), or any other single character that is not white space.  Its
*key* is its lowercase form (``str.lower``), in Unicode normal form C, with the
typographic apostrophes folded to ``'`` and the typographic hyphens to ``-``.
Keys only ever compare; offsets always come from the text as written, so case
folding that changes a string's length ("İ".lower() has two code points) never
moves a span.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

__all__ = ["Token", "key", "phrase_keys", "tokenize", "words"]

# Combining marks belong to the word they decorate, so "cafe\u0301" is one token.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_TOKEN = re.compile(rf"[\w{_MARKS}]+|[^\s\w{_MARKS}]")
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})


@attrs.frozen
class Token:
    """A token's code-point offsets ``[start, end)`` in the text, its text and its key."""

    start: int
    end: int
    text: str
    key: str

    @property
    def is_word(self) -> bool:
        """Whether the token is a word (not punctuation or a symbol)."""
        return self.text[0].isalnum() or self.text[0] == "_"

    @property
    def is_capitalised(self) -> bool:
        """Whether the token is a word that begins with an upper-case (or title-case) letter."""
        return self.text[0].isupper() or self.text[0].istitle()


def key(token: str) -> str:
    """The normalised form of one token's text, the form matchers compare."""
    return unicodedata.normalize("NFC", token.lower()).translate(_FOLD)


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``, in order, with offsets into ``text`` itself."""
    return [
        Token(match.start(), match.end(), match.group(), key(match.group()))
        for match in _TOKEN.finditer(text)
    ]


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The keys of a phrase's tokens: two phrases match when these are equal."""
    return tuple(token.key for token in tokenize(phrase))


def words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``: how the finder's word lists are written."""
    return frozenset(text.split())
