"""Direct quotations: text between quotation marks, in the typographic styles of
English (“…”, ‘…’, "…"), Russian and French («…», « … »), German („…“, ‚…‘) and
Polish („…”).

One left-to-right pass with a stack of open marks: a closing mark closes the
nearest open mark it can close (any unclosed quotation opened inside it is
dropped), a blank line drops every open mark (a quotation that runs over
paragraphs opens again in each), and the typewriter apostrophe ’ closes ‘ only
where it is not inside a word, so "Korea’s" is no quotation mark.
"""

from __future__ import annotations

import re

import attrs

from claimmodel.model import Span

__all__ = ["Quotation", "find_quotations"]

_CLOSERS = {
    "“": "”",
    "„": "“”",
    "«": "»",
    "‚": "‘’",
    '"': '"',
    "‘": "’",
}

_BLANK_LINE = re.compile(r"(?:\r?\n|\r)[^\S\n\r]*(?:\r?\n|\r)|\u2029")


@attrs.frozen(kw_only=True)
class Quotation:
    """A direct quotation: its ``span`` with the marks, the ``content`` inside them."""

    span: Span
    content: Span
    text: str
    """The quoted words (the content, without the marks)."""
    marks: str
    """The opening and the closing mark, such as ``"«»"``."""


def _is_word(char: str) -> bool:
    return char.isalnum()


def find_quotations(text: str) -> list[Quotation]:
    """Every direct quotation in ``text``, in order of their opening marks."""
    found: list[Quotation] = []
    stack: list[tuple[int, str]] = []
    length = len(text)
    breaks = {match.start() for match in _BLANK_LINE.finditer(text)}
    for position, char in enumerate(text):
        if position in breaks:
            stack.clear()
            continue
        before = text[position - 1] if position else ""
        after = text[position + 1] if position + 1 < length else ""
        closing = next(
            (
                depth
                for depth in range(len(stack) - 1, -1, -1)
                if char in _CLOSERS[stack[depth][1]] and not (char == "’" and _is_word(after))
            ),
            None,
        )
        if closing is not None:
            start, opener = stack[closing]
            del stack[closing:]
            content = text[start + 1 : position]
            if content.strip():
                left = start + 1 + len(content) - len(content.lstrip())
                right = start + 1 + len(content.rstrip())
                found.append(
                    Quotation(
                        span=Span(start=start, end=position + 1),
                        content=Span(start=left, end=right),
                        text=text[left:right],
                        marks=opener + char,
                    )
                )
            continue
        if char in _CLOSERS and not (char in "‘‚" and _is_word(before)):
            stack.append((position, char))
    found.sort(key=lambda quotation: (quotation.span.start, quotation.span.end))
    return found
