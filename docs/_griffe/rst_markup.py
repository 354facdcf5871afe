"""A griffe extension: the reStructuredText markup of claimmodel's docstrings as Markdown.

The docstrings are written for ``help()`` and Sphinx alike: ``:class:`~claimmodel.Bundle```
roles and ``double backquotes``.  The API reference renders Markdown, so roles become code
spans naming the object (the last dotted part after ``~``, as Sphinx shows them) and double
backquotes single ones.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|data|exc|mod|obj|const):`(~?)([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")


def _role(match: re.Match[str]) -> str:
    short, target = match.groups()
    return f"`{target.rsplit('.', 1)[-1] if short else target}`"


def markdown(text: str) -> str:
    """``text`` with reST roles and literals written as Markdown code spans."""
    return _LITERAL.sub(r"`\1`", _ROLE.sub(_role, text))


class RstMarkup(griffe.Extension):
    """Rewrites every docstring as it is loaded."""

    def on_instance(self, *, obj: griffe.Object, **_: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown(obj.docstring.value)
